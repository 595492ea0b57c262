"""Headers every response carries: Permissions-Policy everywhere, a CSP for the admin too."""

import pytest

POWERFUL_FEATURES = [
    "camera",
    "microphone",
    "geolocation",
    "browsing-topics",
    "interest-cohort",
    "payment",
    "usb",
]


def directives(policy):
    parts = (d.strip().split() for d in policy.split(";") if d.strip())
    return {name: values for name, *values in parts}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url", ["/", "/admin/login/", "/no-such-page/", "/robots.txt", "/api/v2/pages/"]
)
def test_every_response_switches_off_powerful_browser_features(client, home, url):
    response = client.get(url)

    policy = response.headers["Permissions-Policy"]
    features = dict(item.strip().split("=", 1) for item in policy.split(","))
    for feature in POWERFUL_FEATURES:
        assert features[feature] == "()", feature


@pytest.mark.django_db
def test_the_admin_gets_a_content_security_policy_of_its_own(client, home):
    response = client.get("/admin/login/")

    enforced = directives(response.headers["Content-Security-Policy"])
    assert enforced["default-src"] == ["'self'"]
    assert enforced["object-src"] == ["'none'"]
    assert enforced["frame-ancestors"] == ["'self'"]
    assert enforced["form-action"] == ["'self'"]
    # Nothing from anywhere but the site itself (data:/blob: for the admin's own images).
    for values in enforced.values():
        assert not [v for v in values if v.startswith(("http", "*"))]
    report_only = directives(response.headers["Content-Security-Policy-Report-Only"])
    assert report_only["script-src"] == ["'self'"]
    assert report_only["style-src"] == ["'self'"]


@pytest.mark.django_db
def test_public_pages_keep_the_strict_policy_and_no_report_only_one(client, home):
    response = client.get("/")

    enforced = directives(response.headers["Content-Security-Policy"])
    assert "'unsafe-inline'" not in enforced["script-src"]
    assert enforced["style-src"] == ["'self'"]
    assert "Content-Security-Policy-Report-Only" not in response.headers
