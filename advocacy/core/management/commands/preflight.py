import socket

from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.utils import OperationalError


class Command(BaseCommand):
    requires_system_checks = []
    help = "Check that the database answers and, with --port, that the port is free."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, help="Also check this TCP port is free.")
        parser.add_argument("--host", default="127.0.0.1")

    def handle(self, *args, port=None, host="127.0.0.1", **options):
        connection = connections[DEFAULT_DB_ALIAS]
        try:
            connection.ensure_connection()
        except OperationalError as error:
            params = connection.settings_dict
            where = params.get("HOST") or params.get("NAME")
            reason = str(error).strip().splitlines()[0] if str(error).strip() else "no answer"
            raise CommandError(
                f"Cannot reach the database ({params['ENGINE'].rsplit('.', 1)[-1]} at"
                f" {where}): {reason}. Check DATABASE_URL."
            ) from None
        if port is not None and not self.port_is_free(host, port):
            raise CommandError(
                f"Port {port} on {host} is already in use: stop what is using it,"
                f" or choose another port with PORT={port + 1} make run."
            )

    @staticmethod
    def port_is_free(host, port):
        """True when nothing listens on host:port and we could bind it ourselves."""
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as client:
            client.settimeout(1)
            if client.connect_ex((host, port)) == 0:
                return False
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            try:
                probe.bind((host, port))
            except OSError:
                return False
        return True
