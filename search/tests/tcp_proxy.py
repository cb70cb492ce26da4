"""A TCP relay in front of the real OpenSearch, so that a test can make it unreachable and bring it back
without stopping the server the rest of the suite uses."""

import contextlib
import select
import socket
import socketserver
import threading


class TcpProxy:
    def __init__(self, target_host, target_port):
        self.target = (target_host, target_port)
        self.connections = set()
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.server = None

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        proxy = self

        class Relay(socketserver.BaseRequestHandler):
            def handle(self):
                upstream = socket.create_connection(proxy.target)
                proxy.connections.update({self.request, upstream})
                try:
                    pair = {self.request: upstream, upstream: self.request}
                    while True:
                        readable, _, _ = select.select(list(pair), [], [], 30)
                        if not readable:
                            return
                        for sock in readable:
                            data = sock.recv(65536)
                            if not data:
                                return
                            pair[sock].sendall(data)
                except OSError:
                    return
                finally:
                    upstream.close()

        socketserver.ThreadingTCPServer.allow_reuse_address = True
        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", self.port), Relay)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self):
        """Refuse new connections and cut the open ones, as a stopped server would."""
        self.server.shutdown()
        self.server.server_close()
        for sock in list(self.connections):
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()
        self.connections.clear()
