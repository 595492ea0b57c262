"""A TCP relay between the application and PostgreSQL that a test can cut: down() closes
the listening socket and every relayed connection, so the database is unreachable for the
application exactly as when its host goes away (connections refused); up() reopens it."""

import contextlib
import selectors
import socket
import threading


class DatabaseRelay:
    def __init__(self, target_host, target_port):
        self.target = (target_host, int(target_port))
        self.port = None
        self._listener = None
        self._sockets = set()
        self._lock = threading.Lock()
        self._thread = None

    def up(self):
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port or 0))
        listener.listen(64)
        self.port = listener.getsockname()[1]
        self._listener = listener
        self._thread = threading.Thread(target=self._accept, args=(listener,), daemon=True)
        self._thread.start()
        return self

    def down(self):
        listener, self._listener = self._listener, None
        if listener is not None:
            # shutdown() wakes an accept() blocked in the relay's thread; close() alone does
            # not on Linux, and that accept() would let one more connection through.
            with contextlib.suppress(OSError):
                listener.shutdown(socket.SHUT_RDWR)
            listener.close()
        with self._lock:
            sockets, self._sockets = self._sockets, set()
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def _accept(self, listener):
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return  # closed by down()
            if self._listener is not listener:  # down() came while this one was accepted
                client.close()
                return
            try:
                server = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            server.settimeout(None)
            with self._lock:
                self._sockets |= {client, server}
            threading.Thread(target=self._relay, args=(client, server), daemon=True).start()

    def _relay(self, client, server):
        selector = selectors.DefaultSelector()
        selector.register(client, selectors.EVENT_READ, server)
        selector.register(server, selectors.EVENT_READ, client)
        try:
            while True:
                for key, _ in selector.select():
                    data = key.fileobj.recv(65536)
                    if not data:
                        return
                    key.data.sendall(data)
        except (OSError, ValueError):
            return
        finally:
            selector.close()
            with self._lock:
                self._sockets -= {client, server}
            for sock in (client, server):
                sock.close()
