"""Fixtures for the calls-to-action tests; what a signer does is in tests/actions/signer.py."""

import pytest

from advocacy.actions.factories import CallToActionFactory, PledgeFactory


@pytest.fixture(autouse=True)
def index_page(act_index):
    """Every test here reaches calls to action through the index page (/act/)."""
    return act_index


@pytest.fixture
def petition(home):
    return CallToActionFactory(slug="let-lgbti-groups-work", title="Let LGBTI groups work")


@pytest.fixture
def pledge(home):
    return PledgeFactory(slug="work-alongside", title="Work alongside LGBTI organisations")
