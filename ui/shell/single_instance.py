"""One Offscript per journal: a second launch asks the first to show itself, then exits."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QByteArray, QCryptographicHash, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger("offscript.ui")
TIMEOUT_MS = 500


def server_name(journal_dir: Path) -> str:
    # SHA-256 through Qt, not hashlib: the same name, without loading OpenSSL's libcrypto
    data = QByteArray(str(journal_dir.expanduser().resolve()).encode())
    digest = QCryptographicHash.hash(data, QCryptographicHash.Algorithm.Sha256).toHex()
    return f"offscript-{bytes(digest).decode()[:16]}"


def send_to_running(name: str, message: str) -> bool:
    """True if another instance got the message (then this one should exit)."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(TIMEOUT_MS):
        return False
    socket.write(message.encode())
    socket.flush()
    socket.waitForBytesWritten(TIMEOUT_MS)
    socket.disconnectFromServer()
    return True


class SingleInstance(QObject):
    message = Signal(str)  # "show" or "quick"

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.server = QLocalServer(self)
        self.server.newConnection.connect(self._accept)

    def listen(self) -> bool:
        if self.server.listen(self.name):
            return True
        # A crashed instance leaves a stale socket file behind; nobody answered it, so reclaim.
        QLocalServer.removeServer(self.name)
        ok = self.server.listen(self.name)
        if not ok:
            log.warning("single-instance server failed: %s", self.server.errorString())
        return ok

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        text = bytes(socket.readAll().data()).decode(errors="replace").strip()
        if text:
            self.message.emit(text)
