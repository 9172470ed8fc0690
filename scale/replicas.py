"""Timed and concurrent HTTP checks for scale/two-replicas.sh, where curl alone cannot say how long a change took to
reach another replica or send 50 requests at once. Standard library only; every loop is bounded in count and time.

  replicas.py lag URL_WRITE URL_READ TOKEN UID      import through one replica, poll the other's list for the row
  replicas.py gone URL_READ TOKEN UID               poll a list until the row is gone; prints ms
  replicas.py burst TOKEN N URL...                  N identical imports at once, spread over the URLs
  replicas.py revoked URL TOKEN                     poll /auth/me until 401; prints ms
"""
import concurrent.futures
import json
import sys
import time
import urllib.error
import urllib.request

IMPORT = {"provider": "huggingface", "model_id": "Qwen/Qwen2.5-7B-Instruct"}


def request(method, url, token=None, body=None, timeout=20):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method)
    if token:
        req.add_header("Authorization", "Bearer " + token)
    if data is not None:
        req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, json.loads(r.read() or b"null")
    except urllib.error.HTTPError as e:
        raw = e.read()
        try:
            return e.code, json.loads(raw or b"null")
        except ValueError:
            return e.code, None


def listed(base, token, uid):
    status, page = request("GET", f"{base}/api/v2/catalog/models?q={uid}", token)
    return status == 200 and any(row["model_uid"] == uid for row in page["items"])


def poll(condition, limit_s=10.0):
    """Milliseconds until condition() held, polling every 10 ms; -1 if it never did within limit_s."""
    t0 = time.monotonic()
    while time.monotonic() - t0 < limit_s:
        if condition():
            return (time.monotonic() - t0) * 1000
        time.sleep(0.01)
    return -1


def main(argv):
    cmd = argv[1]
    if cmd == "lag":
        write, read, token, uid = argv[2:6]
        request("GET", f"{read}/api/v2/catalog/models", token)  # the reading replica holds a fresh snapshot now
        status, body = request("POST", f"{write}/api/v2/catalog/import", token, dict(IMPORT, model_uid=uid))
        if status != 201:
            print(f"import-failed {status} {body}")
            return 1
        print(f"{poll(lambda: listed(read, token, uid)):.0f} {body['model_uid']}")
    elif cmd == "gone":
        read, token, uid = argv[2:5]
        print(f"{poll(lambda: not listed(read, token, uid)):.0f}")
    elif cmd == "revoked":
        url, token = argv[2:4]
        print(f"{poll(lambda: request('GET', f'{url}/api/v2/catalog/auth/me', token)[0] == 401, 20):.0f}")
    elif cmd == "burst":
        token, n, urls = argv[2], int(argv[3]), argv[4:]
        body = dict(IMPORT, model_id="Qwen/Qwen3-8B", model_uid="scale-burst")
        with concurrent.futures.ThreadPoolExecutor(n) as pool:
            statuses = list(pool.map(lambda i: request("POST", f"{urls[i % len(urls)]}/api/v2/catalog/import", token,
                                                        body, timeout=60)[0], range(n)))
        print(" ".join(f"{s}:{statuses.count(s)}" for s in sorted(set(statuses))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
