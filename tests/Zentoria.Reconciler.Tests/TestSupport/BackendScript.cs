namespace Zentoria.Reconciler.Tests.TestSupport;

/// <summary>
/// The Python program behind <see cref="BackendProcess"/>: an HTTP/1.1 keep-alive server that answers every path with
/// "name version", <c>/health</c> like the seed's services, and <c>/metrics</c> in the Prometheus text format
/// (a request counter by status code and a latency histogram, both counting only ordinary requests).
/// Optional arguments after the delay: a port (default: one the OS picks) and <c>detached</c>, for a backend a guest's
/// deploy script starts on its own: it then runs until it is signalled instead of until its stdin closes.
/// </summary>
internal static class BackendScript
{
    public const string Source = """
        import http.server, os, sys, threading, time

        name, version, host = sys.argv[1], sys.argv[2], sys.argv[3]
        fail_every, delay = int(sys.argv[4]), int(sys.argv[5]) / 1000.0
        port = int(sys.argv[6]) if len(sys.argv) > 6 else 0
        detached = len(sys.argv) > 7 and sys.argv[7] == "detached"
        buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10]
        lock = threading.Lock()
        state = {"served": 0, "codes": {"200": 0, "500": 0}, "buckets": [0] * len(buckets), "sum": 0.0, "count": 0}

        def metrics():
            with lock:
                lines = ["# HELP http_requests_total Requests served, by status code.", "# TYPE http_requests_total counter"]
                lines += ['http_requests_total{code="%s"} %d' % (c, n) for c, n in sorted(state["codes"].items())]
                lines += ["# HELP http_request_duration_seconds Time to answer a request.", "# TYPE http_request_duration_seconds histogram"]
                lines += ['http_request_duration_seconds_bucket{le="%s"} %d' % (b, n) for b, n in zip(buckets, state["buckets"])]
                lines += ['http_request_duration_seconds_bucket{le="+Inf"} %d' % state["count"]]
                lines += ["http_request_duration_seconds_sum %f" % state["sum"], "http_request_duration_seconds_count %d" % state["count"]]
            return "\n".join(lines) + "\n"

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def answer(self, code, body, kind="text/plain"):
                data = body.encode()
                self.send_response(code)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self):
                if self.path == "/metrics":
                    return self.answer(200, metrics(), "text/plain; version=0.0.4")
                if self.path == "/health":
                    return self.answer(200, '{"status":"ok","version":"%s"}' % version, "application/json")
                started = time.monotonic()
                with lock:
                    state["served"] += 1
                    failing = fail_every > 0 and state["served"] % fail_every == 0
                if delay > 0:
                    time.sleep(delay)
                code = 500 if failing else 200
                self.answer(code, "%s %s" % (name, version))
                elapsed = time.monotonic() - started
                with lock:
                    state["codes"][str(code)] += 1
                    state["sum"] += elapsed
                    state["count"] += 1
                    for i, bound in enumerate(buckets):
                        if elapsed <= bound:
                            state["buckets"][i] += 1

        def watch_stdin():
            # The test holds stdin open; when it goes away, so does the backend.
            sys.stdin.read()
            os._exit(0)

        server = http.server.ThreadingHTTPServer((host, port), Handler)
        server.daemon_threads = True
        if not detached:
            threading.Thread(target=watch_stdin, daemon=True).start()
        print("LISTENING %d" % server.server_address[1], flush=True)
        server.serve_forever()
        """;
}
