# What differs between one Varnish and another: the application server behind it and who may
# PURGE. default.vcl includes this file by name; `deploy/varnish/run.sh` writes its own copy
# into its working directory (found first on vcl_path), so this one is the production default:
# gunicorn on 127.0.0.1:8000 on the same machine, PURGE from this machine only.
vcl 4.1;

backend app {
    .host = "127.0.0.1";
    .port = "8000";
    # A database outage must cost a reader seconds, never gunicorn's 30-second timeout: the
    # application answers within ~3 s (2 s connect, 2.5 s statement timeouts); this is the
    # backstop when gunicorn itself hangs.
    .connect_timeout = 1s;
    .first_byte_timeout = 5s;
    .between_bytes_timeout = 5s;
    # /health/ runs one query: a database outage marks the backend sick within ~2 s, and
    # from then on readers get stale pages (or the 503 page) without waiting on it.
    .probe = {
        .url = "/health/";
        .timeout = 1s;
        .interval = 1s;
        .window = 3;
        .threshold = 2;
        .initial = 2;
    }
}

# Who may PURGE: the application's own address (Wagtail's frontend cache sends the purges
# from the background worker). Everyone else gets 405.
acl purgers {
    "127.0.0.1";
    "::1";
}
