"""Demo content for the source-safety review: the "Source safety reviewers" group, the
"Source safety review" workflow with its one task, set on the report (and so its chapters),
the press releases, the country pages and the statements.

The demo has no images, so it adds no image safety record: consent and face-free are
never ticked on anyone's behalf. Idempotent: a workflow an editor set elsewhere, or
removed, is left as it is once the demo has run.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowTask,
)

from advocacy.statements.models import Statement
from countries.models import CountryIndexPage
from reports.models import PressReleaseIndexPage, ReportPage

from .models.safety import SourceSafetyReviewTask

GROUP_NAME = "Source safety reviewers"
WORKFLOW_NAME = "Source safety review"
TASK_NAME = "Source safety review"
# Reviewers edit (to fix a slip themselves) and lock while they review. Approving the last
# task of a workflow publishes the content as the approver, so Wagtail requires them to
# hold the publish permission too.
PAGE_PERMISSIONS = ["change_page", "lock_page", "publish_page"]
STATEMENT_PERMISSIONS = ["view_statement", "change_statement", "publish_statement"]
IMAGE_PERMISSIONS = ["choose_image", "change_image"]


def reviewers_group(pages):
    group, _ = Group.objects.get_or_create(name=GROUP_NAME)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(
            content_type=ContentType.objects.get_for_model(Statement),
            codename__in=STATEMENT_PERMISSIONS,
        ),
    )
    page_permissions = Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=PAGE_PERMISSIONS
    )
    for page in pages:
        for permission in page_permissions:
            GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)
    # Wagtail's migrations make the root collection; an emptied database lacks it.
    root_collection = Collection.get_first_root_node() or Collection.add_root(name="Root")
    for permission in Permission.objects.filter(
        content_type__app_label="wagtailimages", codename__in=IMAGE_PERMISSIONS
    ):
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root_collection, permission=permission
        )
    return group


def safety_workflow(group):
    task = SourceSafetyReviewTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = SourceSafetyReviewTask.objects.create(name=TASK_NAME)
        task.groups.add(group)
    workflow, created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if created:
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


@transaction.atomic
def build_step(demo):
    """The ``build_demo_content`` step (after the reports, countries and press page)."""
    pages = [
        page
        for page in [
            ReportPage.objects.child_of(demo.home).first(),
            PressReleaseIndexPage.objects.child_of(demo.home).first(),
            CountryIndexPage.objects.child_of(demo.home).first(),
        ]
        if page is not None
    ]
    group = reviewers_group(pages)
    workflow = safety_workflow(group)
    for page in pages:
        WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": workflow})
    WorkflowContentType.objects.get_or_create(
        content_type=ContentType.objects.get_for_model(Statement),
        defaults={"workflow": workflow},
    )
    return workflow
