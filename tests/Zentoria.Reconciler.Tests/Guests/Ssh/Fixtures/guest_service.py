"""A service inside a test guest: answers GET /health with the version its deploy script recorded.

Usage: guest_service.py ADDRESS STATE_DIR
Binds ADDRESS on a port the OS picks and prints the port on the first line of stdout. The version is the content
of STATE_DIR/version (written by the deploy script); a version listed in STATE_DIR/broken answers 500, as a
release that does not start would.
"""
import http.server
import json
import os
import sys


def read(path):
    try:
        with open(path, encoding="utf-8") as file:
            return file.read()
    except FileNotFoundError:
        return ""


class Health(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path != "/health":
            self.send_error(404)
            return
        version = read(os.path.join(STATE, "version")).strip() or None
        healthy = version is not None and version not in read(os.path.join(STATE, "broken")).split()
        body = json.dumps({"status": "ok" if healthy else "error", "version": version}).encode()
        self.send_response(200 if healthy else 500)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):
        pass


ADDRESS, STATE = sys.argv[1], sys.argv[2]
server = http.server.ThreadingHTTPServer((ADDRESS, 0), Health)
print(server.server_address[1], flush=True)
server.serve_forever()
