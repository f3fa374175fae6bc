"""Form drafts: kept per user inside the store, replaced on save, gone when deleted."""

from __future__ import annotations

from desktop_app.services.accounts import add_user
from desktop_app.services.drafts import delete_draft, form_key, list_drafts, load_draft, save_draft
from desktop_app.services.setup import context_for
from tests.conftest import FAST_KDF


def test_a_saved_draft_comes_back(ctx):
    save_draft(ctx, form_key("persons", None), {"name": "Ahmad Ali"})
    draft = load_draft(ctx, "persons:new")
    assert draft is not None
    assert draft.payload == {"name": "Ahmad Ali"}
    assert draft.register == "persons" and draft.record_id is None


def test_saving_again_replaces_the_draft(ctx, clock):
    save_draft(ctx, "persons:new", {"name": "A"})
    clock.advance(seconds=5)
    save_draft(ctx, "persons:new", {"name": "AB"})
    drafts = list_drafts(ctx)
    assert len(drafts) == 1
    assert drafts[0].payload == {"name": "AB"}
    assert drafts[0].saved_at == clock.now()


def test_deleted_draft_is_gone(ctx):
    save_draft(ctx, "sites:new", {"name": "Kiln"})
    delete_draft(ctx, "sites:new")
    assert load_draft(ctx, "sites:new") is None


def test_another_officer_does_not_see_my_drafts(ctx):
    save_draft(ctx, "victims:new", {"name": "Secret"})
    add_user(ctx, "asi.bilal", "ASI Bilal", "officer", "another long passphrase", kdf=FAST_KDF)
    other = context_for(ctx.store, "asi.bilal", ctx.clock)
    assert load_draft(other, "victims:new") is None
    assert list_drafts(other) == []


def test_urdu_text_survives_a_draft(ctx):
    save_draft(ctx, "persons:new", {"name": "محمد علی"})
    draft = load_draft(ctx, "persons:new")
    assert draft is not None and draft.payload["name"] == "محمد علی"
