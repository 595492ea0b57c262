"""Factories for calls to action, share boxes and signatures, used by tests and benchmarks."""

import factory
import wagtail_factories

from django.db.models import F
from django.utils import timezone

from .models import CallsToActionIndexPage, CallToAction, ShareBox, Signature


class CallToActionFactory(factory.django.DjangoModelFactory):
    """An open petition with a goal and a consent text (version 1 is recorded on save)."""

    kind = CallToAction.Kind.PETITION
    title = factory.Sequence(lambda n: f"Let LGBTI groups work in safety {n}")
    slug = factory.Sequence(lambda n: f"petition-{n}")
    summary = "Call on the authorities to let LGBTI groups work in safety."
    target = "The authorities of Armenia, Belarus, Kazakhstan and Kyrgyzstan"
    countries = ["AM", "BY", "KZ", "KG"]
    demand = "LGBTI groups must be able to carry out their human rights work in safety."
    goal = 1000
    thank_you = "Thank you for signing."
    consent_text = "I agree that my name, email address and country are kept to count me."
    show_recent_signers = True

    class Meta:
        model = CallToAction

    class Params:
        closed = factory.Trait(closed_early_at=factory.LazyFunction(timezone.now))
        scheduled = factory.Trait(
            opens_at=factory.LazyFunction(lambda: timezone.now() + timezone.timedelta(days=7))
        )


class PledgeFactory(CallToActionFactory):
    """An open pledge, signed on behalf of organisations."""

    kind = CallToAction.Kind.PLEDGE
    title = factory.Sequence(lambda n: f"Work alongside LGBTI rights organisations {n}")
    slug = factory.Sequence(lambda n: f"pledge-{n}")
    target = "Human rights groups across the region"
    demand = "We will work alongside LGBTI rights organisations."


class ShareBoxFactory(factory.django.DjangoModelFactory):
    """A share / learn-more box: a link, no signatures."""

    title = factory.Sequence(lambda n: f"Read the report {n}")
    slug = factory.Sequence(lambda n: f"share-{n}")
    summary = "Read what LGBTI human rights defenders told us."
    link_url = "https://example.org/report"
    link_text = "Read it"

    class Meta:
        model = ShareBox


class SignatureFactory(factory.django.DjangoModelFactory):
    """A signature awaiting confirmation; ``confirmed=True`` confirms it and counts it."""

    call_to_action = factory.SubFactory(CallToActionFactory)
    name = factory.Sequence(lambda n: f"Signer {n}")
    email = factory.Sequence(lambda n: f"signer{n}@example.org")
    country = "BY"
    consent = factory.LazyAttribute(lambda o: o.call_to_action.current_consent)

    class Meta:
        model = Signature
        skip_postgeneration_save = True

    class Params:
        confirmed = factory.Trait(confirmed_at=factory.LazyFunction(timezone.now))

    @factory.post_generation
    def keep_count(obj, create, extracted, **kwargs):
        # The count moves with the rows it counts, as the services move it: on every language
        # version of the call to action at once.
        if create and obj.confirmed_at:
            CallToAction.versions_of(obj.call_to_action_id).update(
                confirmed_count=F("confirmed_count") + 1
            )
            obj.call_to_action.refresh_from_db(fields=["confirmed_count"])


class CallsToActionIndexPageFactory(wagtail_factories.PageFactory):
    """The calls-to-action index page at /act/; give it ``parent`` (the home page)."""

    title = "Act"
    slug = "act"
    intro = "<p>Petitions and pledges you can sign, and ways to help.</p>"

    class Meta:
        model = CallsToActionIndexPage
