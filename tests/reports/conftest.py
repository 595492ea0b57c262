import pytest

from reports.factories import (
    PressReleaseIndexPageFactory,
    PressReleasePageFactory,
    ReportChapterPageFactory,
    ReportPageFactory,
)


@pytest.fixture
def report(home):
    return ReportPageFactory(parent=home, slug="less-equal")


@pytest.fixture
def chapters(report):
    return [
        ReportChapterPageFactory(parent=report, title=title, slug=slug)
        for title, slug in (
            ("A worrying rise in hostility", "introduction"),
            ("Crackdown on LGBTI rights", "crackdown"),
            ("Marginalised", "marginalised"),
        )
    ]


@pytest.fixture
def press_index(home):
    return PressReleaseIndexPageFactory(parent=home)


@pytest.fixture
def release(press_index, report):
    return PressReleasePageFactory(
        parent=press_index,
        title="Former Soviet states entrenching homophobia",
        slug="former-soviet-states",
        report=report,
    )
