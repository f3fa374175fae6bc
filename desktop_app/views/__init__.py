"""The PySide6 desktop app: widgets and Qt models over the services (never SQL, never a session)."""
