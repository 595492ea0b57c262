import pytest

from django.core.exceptions import ValidationError

from wagtail.test.utils.form_data import nested_form_data

from advocacy.statements.models import Statement

pytestmark = pytest.mark.django_db


def statement_form(**fields):
    data = {
        "text": "Words said.",
        "language": "en",
        "speaker": "",
        "speaker_role": "",
        "speaker_organisation": "",
        "anonymous_source": "",
        "date_said": "2026-11-25",
        "source_page": "",
        "source_description": "",
        "context_note": "",
        "slug": "",
    }
    data.update(fields)
    return nested_form_data(data)


def test_admin_refuses_a_statement_with_both_a_speaker_and_an_anonymous_source(
    admin_client, krivosheev
):
    response = admin_client.post(
        "/admin/snippets/statements/statement/add/",
        statement_form(
            speaker=str(krivosheev.pk), anonymous_source="an activist", text="Typed words"
        ),
    )
    assert response.status_code == 200
    assert "not both" in str(response.context["form"].errors["anonymous_source"])
    assert "Typed words" in response.content.decode()
    assert not Statement.objects.exists()


def test_admin_refuses_a_statement_with_neither(admin_client):
    response = admin_client.post("/admin/snippets/statements/statement/add/", statement_form())
    assert "Choose who said it" in str(response.context["form"].errors["speaker"])
    assert not Statement.objects.exists()


def test_admin_saves_a_draft_with_the_role_held_at_the_time(admin_client, krivosheev):
    admin_client.post(
        "/admin/snippets/statements/statement/add/",
        statement_form(speaker=str(krivosheev.pk), text="We stand with LGBTI defenders"),
    )
    statement = Statement.objects.get()
    assert statement.live is False  # saved as a draft until someone publishes it
    assert statement.speaker_role == "Deputy Director for Europe and Central Asia"

    krivosheev.role = "Director"
    krivosheev.save()
    statement.refresh_from_db()
    assert statement.speaker_role == "Deputy Director for Europe and Central Asia"
    assert (
        "Deputy Director for Europe and Central Asia at Amnesty International"
        in statement.attribution
    )


def test_anonymous_source_cannot_carry_a_role_or_organisation():
    statement = Statement(
        text="Words",
        anonymous_source="an activist",
        speaker_role="Director",
        date_said="2026-11-25",
    )
    with pytest.raises(ValidationError) as error:
        statement.clean()
    assert "speaker_role" in error.value.message_dict
    field_names = {f.name for f in Statement._meta.get_fields()}
    assert not {"source_name", "source_identity", "anonymous_name"} & field_names


def test_citation_uses_the_house_format_and_the_exact_characters(statement, testimony):
    assert statement.citation("https://example.org/s/1/") == (
        "“State authorities must ensure that LGBTI groups can work in safety,” said Denis"
        " Krivosheev, Deputy Director for Europe and Central Asia at Amnesty International, on"
        " 25 November 2026. Source: https://example.org/s/1/"
    )
    assert testimony.citation("u").startswith(
        "“the personal risks were too great,” said a prominent LGBTI activist in Belarus, on"
    )
