import pytest

from django.test import override_settings
from django.urls import path

from tests.html import hrefs, select


def broken_view(request):
    raise RuntimeError("secret internals: /etc/database-password")


urlpatterns = [path("boom/", broken_view)]


@pytest.mark.django_db
def test_unknown_url_gets_the_site_404_page(client, home):
    response = client.get("/no-such-page/")

    html = response.content.decode()
    assert response.status_code == 404
    assert "Page not found" in html
    assert "/" in hrefs(response)  # a way back home
    assert select(response, "a.skip-link")  # the site's frame, not Django's


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
def test_server_error_shows_the_500_page_without_a_traceback(client):
    client.raise_request_exception = False

    response = client.get("/boom/")

    html = response.content.decode()
    assert response.status_code == 500
    assert "Something went wrong" in html
    assert "secret internals" not in html
    assert "Traceback" not in html


@pytest.mark.django_db
def test_host_outside_allowed_hosts_gets_400(client, home):
    response = client.get("/", headers={"host": "attacker.example"})
    assert response.status_code == 400
