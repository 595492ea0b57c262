"""The demo sets the source-safety review on the report, the press releases, the countries
and the statements, reviewed by the "Source safety reviewers" group."""

import pytest

from django.contrib.auth.models import Group
from django.core.management import call_command

from wagtail.models import GroupPagePermission, Workflow

from advocacy.core.models import ImageSafety
from advocacy.statements.models import Statement
from countries.models import CountryIndexPage, CountryPage
from reports.models import PressReleasePage, ReportChapterPage, ReportPage

pytestmark = pytest.mark.django_db


def test_the_demo_sets_the_safety_review_on_the_report_and_statements():
    call_command("load_demo_content")

    workflow = Workflow.objects.get(name="Source safety review")
    tasks = [task.specific for task in workflow.tasks]
    assert [type(t).__name__ for t in tasks] == ["SourceSafetyReviewTask"]
    group = Group.objects.get(name="Source safety reviewers")
    assert list(tasks[0].groups.all()) == [group]

    report = ReportPage.objects.get(locale__language_code="en")
    for page in [
        report,
        ReportChapterPage.objects.child_of(report).first(),
        PressReleasePage.objects.first(),
        CountryIndexPage.objects.get(locale__language_code="en"),
        CountryPage.objects.first(),
    ]:
        assert page.get_workflow() == workflow, page
    assert Statement.objects.first().get_workflow() == workflow

    codenames = set(
        GroupPagePermission.objects.filter(group=group, page=report).values_list(
            "permission__codename", flat=True
        )
    )
    assert codenames == {"change_page", "lock_page", "publish_page"}
    # The demo has no image, and ticks no consent on anyone's behalf.
    assert not ImageSafety.objects.exists()


def test_a_second_run_changes_nothing():
    call_command("load_demo_content")
    call_command("load_demo_content")

    assert Workflow.objects.filter(name="Source safety review").count() == 1
    assert Group.objects.filter(name="Source safety reviewers").count() == 1
    workflow = Workflow.objects.get(name="Source safety review")
    assert workflow.workflow_tasks.count() == 1
