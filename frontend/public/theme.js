// Sets the page's theme before it paints (no flash of the wrong one): the choice saved by the header's theme switch
// ("light" / "dark"), else the system's. A separate file because the page's Content-Security-Policy allows no
// inline script. src/components/layout/theme.ts keeps it up to date after start.
;(function () {
  var dark = false
  try {
    var choice = localStorage.getItem('nebula-catalog.theme')
    dark = choice === 'dark' || (choice !== 'light' && window.matchMedia('(prefers-color-scheme: dark)').matches)
  } catch (e) {
    // storage or matchMedia unavailable: light
  }
  var root = document.documentElement
  root.classList.remove(dark ? 'light' : 'dark')
  root.classList.add(dark ? 'dark' : 'light')
})()
