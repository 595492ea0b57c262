"""The console email backend used in development and by `make run`."""

import email.policy

from django.core.mail.backends.console import EmailBackend

# Long lines kept whole: Python's email package otherwise picks quoted-printable for any line
# over 78 characters and breaks it with "=" at the end of each piece.
READABLE = email.policy.default.clone(max_line_length=998)


class ConsoleEmailBackend(EmailBackend):
    """Django's console backend, printing bodies as plain UTF-8 with long lines whole.

    A confirmation link printed in the console can then be copied and opened as it is.
    """

    def write_message(self, message):
        text = message.message(policy=READABLE).as_bytes().decode("utf-8")
        self.stream.write(f"{text}\n{'-' * 79}\n")
