#!/usr/bin/env python3
"""A mock SEPPmail appliance for the benchmark: HTTPS on 127.0.0.1 with the given certificate,
serves ROOT/v1/customer and ROOT/v1/mailsystem/manageddomain to requests with the right token
and secret headers. Stops by itself after LIFETIME seconds.

usage: serve.py ROOT PORT CERT KEY TOKEN SECRET LIFETIME"""
import http.server
import os
import ssl
import sys
import threading

root, port, cert, key, token, secret, lifetime = sys.argv[1:8]


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        if self.headers.get("X-SM-API-TOKEN") != token or self.headers.get("X-SM-API-SECRET") != secret:
            self.send_response(401)
            self.end_headers()
            return
        path = os.path.join(root, self.path.lstrip("/"))
        if not os.path.isfile(path):
            self.send_response(404)
            self.end_headers()
            return
        with open(path, "rb") as f:
            body = f.read()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", int(port)), Handler)
context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
context.load_cert_chain(cert, key)
server.socket = context.wrap_socket(server.socket, server_side=True)
threading.Timer(float(lifetime), server.shutdown).start()
server.serve_forever()
