"""One Offscript per journal: a second launch asks the first to show itself, then exits.

Where Python has Unix sockets (Linux, macOS) the first instance listens on one in a private
(0700) folder of the user's runtime dir, watched by a QSocketNotifier. QtNetwork's QLocalServer
would do the same, but loading it costs ~3 MB and ~8 ms at every start, and it leaves its sockets
in the shared temp dir; it still serves where there are no Unix sockets in Python (Windows).
"""

from __future__ import annotations

import _socket  # the C module: socket.py adds four big IntEnums at import (~6 ms, ~0.6 MB)
import contextlib
import errno
import logging
import os
import stat
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QCryptographicHash, QObject, QSocketNotifier, Signal

log = logging.getLogger("offscript.ui")
TIMEOUT_MS = 500
MAX_MESSAGE = 64  # "show" or "quick"; anything longer is not from us
UNIX_SOCKETS = hasattr(_socket, "AF_UNIX") and hasattr(os, "getuid")


def server_name(journal_dir: Path) -> str:
    # SHA-256 through Qt, not hashlib: the same name, without loading OpenSSL's libcrypto
    data = QByteArray(str(journal_dir.expanduser().resolve()).encode())
    digest = QCryptographicHash.hash(data, QCryptographicHash.Algorithm.Sha256).toHex()
    return f"offscript-{bytes(digest).decode()[:16]}"


def socket_folder() -> Path:
    """The user's private folder for the sockets: $XDG_RUNTIME_DIR/offscript, else a per-user
    folder in the temp dir. Raises OSError if it is not a folder only this user can enter."""
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and Path(runtime).is_dir():
        folder = Path(runtime) / "offscript"
    else:
        folder = Path(tempfile.gettempdir()) / f"offscript-{os.getuid()}"
    with contextlib.suppress(FileExistsError):
        folder.mkdir(mode=0o700)
    info = folder.lstat()  # not stat(): a symlink planted in /tmp must not be followed
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid():
        raise OSError(errno.EPERM, "not a folder of this user", str(folder))
    if info.st_mode & 0o077:
        folder.chmod(0o700)
    return folder


def send_to_running(name: str, message: str) -> bool:
    """True if another instance got the message (then this one should exit)."""
    if not UNIX_SOCKETS:
        return _send_through_qt(name, message)
    try:
        ours = socket_folder() / name
    except OSError:
        ours = None
    # Versions before 0.2 listened through QLocalServer, whose socket is in the temp dir.
    older = Path(tempfile.gettempdir()) / name
    return any(_send(path, message) for path in (ours, older) if path is not None)


def _send(path: Path, message: str) -> bool:
    client = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
    client.settimeout(TIMEOUT_MS / 1000)
    try:
        client.connect(str(path))
        client.sendall(message.encode())
    except OSError:  # no socket, a stale one (refused), or no answer in time
        return False
    finally:
        client.close()
    return True


class SingleInstance(QObject):
    message = Signal(str)  # "show" or "quick"

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.path: Path | None = None  # the socket file while listening (Unix sockets)
        self._server: Any = None  # a _socket.socket, or a QLocalServer without Unix sockets
        self._notifier: QSocketNotifier | None = None
        self._clients: dict[int, tuple[Any, QSocketNotifier, bytearray]] = {}
        self._spent: list[QSocketNotifier] = []

    def listen(self) -> bool:
        if not UNIX_SOCKETS:
            return self._listen_through_qt()
        try:
            path = socket_folder() / self.name
            server = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
            try:
                self._bind(server, path)
                server.listen(8)
            except OSError:
                server.close()
                raise
        except OSError as exc:
            log.warning("single-instance server failed: %s", exc)
            return False
        server.setblocking(False)
        self.path, self._server = path, server
        self._notifier = QSocketNotifier(server.fileno(), QSocketNotifier.Type.Read)
        self._notifier.activated.connect(self._accept)
        return True

    @staticmethod
    def _bind(server: Any, path: Path) -> None:
        try:
            server.bind(str(path))
        except OSError as exc:
            if exc.errno != errno.EADDRINUSE:
                raise
            # A crashed instance leaves its socket file behind: reclaim it only if nobody answers
            # (an empty message, which a running instance ignores).
            if _send(path, ""):
                raise OSError(errno.EADDRINUSE, "another Offscript serves this journal",
                              str(path)) from exc
            path.unlink(missing_ok=True)
            server.bind(str(path))

    def close(self) -> None:
        """Stop listening and remove the socket file (a later start would reclaim it anyway)."""
        if not UNIX_SOCKETS:
            if self._server is not None:
                self._server.close()
            return
        for fd in list(self._clients):
            self._drop(fd)
        self._release_spent()
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier = None
        if self._server is not None:
            self._server.close()
            self._server = None
        if self.path is not None:
            self.path.unlink(missing_ok=True)
            self.path = None

    def _accept(self, *_signal_args: object) -> None:
        self._release_spent()
        while self._server is not None:
            try:  # what socket.socket.accept() does, on the C module
                fd, _address = self._server._accept()  # noqa: SLF001
                client = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM, fileno=fd)
            except BlockingIOError:
                return
            except OSError as exc:
                log.warning("single-instance accept failed: %s", exc)
                return
            client.setblocking(False)
            notifier = QSocketNotifier(fd, QSocketNotifier.Type.Read)
            self._clients[fd] = (client, notifier, bytearray())
            notifier.activated.connect(lambda *_args, fd=fd: self._read(fd))

    def _read(self, fd: int) -> None:
        if fd not in self._clients:  # a read signalled before it was dropped
            return
        client, _notifier, received = self._clients[fd]
        try:
            chunk = client.recv(MAX_MESSAGE + 1)
        except BlockingIOError:
            return
        except OSError:
            chunk = b""
        received += chunk
        if chunk and len(received) <= MAX_MESSAGE:
            return  # more may follow: the sender closes when it is done
        self._drop(fd)
        text = bytes(received).decode(errors="replace").strip()
        if text and len(received) <= MAX_MESSAGE:
            self.message.emit(text)

    def _release_spent(self) -> None:
        # The notifiers have no Qt parent: Python deletes each when it lets go, never from
        # its own activated(). (deleteLater() on them segfaulted PySide 6.11 in the tests.)
        self._spent.clear()

    def _drop(self, fd: int) -> None:
        client, notifier, _received = self._clients.pop(fd)
        notifier.setEnabled(False)
        self._spent.append(notifier)
        client.close()

    # -- without Unix sockets: QtNetwork's named pipes -------------------------------------
    def _listen_through_qt(self) -> bool:
        from PySide6.QtNetwork import QLocalServer

        self._server = server = QLocalServer(self)
        server.newConnection.connect(self._accept_through_qt)
        if server.listen(self.name):
            return True
        QLocalServer.removeServer(self.name)  # a crashed instance's leftover
        ok = server.listen(self.name)
        if not ok:
            log.warning("single-instance server failed: %s", server.errorString())
        return ok

    def _accept_through_qt(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read_through_qt(s))
            socket.disconnected.connect(socket.deleteLater)

    def _read_through_qt(self, socket: Any) -> None:
        text = bytes(socket.readAll().data()).decode(errors="replace").strip()
        if text:
            self.message.emit(text)


def _send_through_qt(name: str, message: str) -> bool:
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(TIMEOUT_MS):
        return False
    socket.write(message.encode())
    socket.flush()
    socket.waitForBytesWritten(TIMEOUT_MS)
    socket.disconnectFromServer()
    return True
