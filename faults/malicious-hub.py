#!/usr/bin/env python3
"""A hostile Hugging Face for faults/hostile-hub.sh: crafted model cards, a 200 MB model info streamed without a
Content-Length, and an endless search cursor chain answered slowly. Counts what it is asked and what it sends at
/_stats. Usage: malicious-hub.py PORT"""
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

PORT = int(sys.argv[1])
SHA = "0123456789abcdef0123456789abcdef01234567"
stats = {"search_calls": 0, "huge_bytes_sent": 0, "card_calls": 0}
lock = threading.Lock()


def crafted_card():
    # shapes that made the regex-based summary quadratic: unclosed comments, links, tags and fences, ~97 KB
    return ("# Evil card\n" + "<!--" * 8000 + "[a](" * 8000 + "<x" * 8000 + "```\n~~~\n" * 2000).encode()


class Hub(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send_json(self, status, body, headers=None):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        url = urlparse(self.path)
        q = parse_qs(url.query)
        path = url.path
        if path == "/_stats":
            with lock:
                return self.send_json(200, stats)
        if path == "/api/models":
            with lock:
                stats["search_calls"] += 1
            time.sleep(0.15)
            search = q.get("search", [""])[0]
            link = f'<https://huggingface.co/api/models?search={search}&sort=downloads&limit=1&cursor=NEXT>; rel="next"'
            return self.send_json(200, [{"id": f"evil/{search or 'x'}", "downloads": 1}], {"Link": link})
        if path == "/api/models/evil/huge":
            return self.stream_huge()
        if path.startswith("/api/models/evil/"):
            name = path.rsplit("/", 1)[1]
            return self.send_json(200, {"id": f"evil/{name}", "sha": SHA, "siblings": [{"rfilename": "README.md"},
                                  {"rfilename": "config.json", "size": 10}], "cardData": {"license": "mit"}})
        if path.startswith("/evil/") and path.endswith("/README.md"):
            with lock:
                stats["card_calls"] += 1
            data = crafted_card()
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            return
        self.send_json(404, {"error": "Repository not found"})

    def stream_huge(self):
        # valid JSON if read to the end: 200 MB of siblings, chunked, so only counting while reading can stop it
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        chunk = ('{"rfilename":"f"},' * 3000).encode()
        parts = [b'{"id":"evil/huge","sha":"' + SHA.encode() + b'","siblings":[']
        parts += [chunk] * (200 * 1024 * 1024 // len(chunk))
        parts.append(b'{"rfilename":"g"}]}')
        try:
            for part in parts:
                self.wfile.write(b"%x\r\n%s\r\n" % (len(part), part))
                with lock:
                    stats["huge_bytes_sent"] += len(part)
            self.wfile.write(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass


ThreadingHTTPServer.daemon_threads = True
ThreadingHTTPServer(("127.0.0.1", PORT), Hub).serve_forever()
