import pytest

from coachbridge.research.sealing import reseal, seal, unseal


def test_a_sealed_address_opens_with_the_key_only(settings):
    sealed = seal("lisa@example.net")

    assert "lisa" not in sealed and sealed != seal("lisa@example.net")  # random nonce
    assert unseal(sealed) == "lisa@example.net"

    settings.SECRET_KEY = "another-key-" + "x" * 50
    assert unseal(sealed) == ""


def test_an_old_key_still_opens_after_rotation_and_reseal_moves_it(settings):
    old_key = settings.SECRET_KEY
    sealed = seal("lisa@example.net")
    settings.SECRET_KEY = "new-key-" + "y" * 50
    settings.SECRET_KEY_FALLBACKS = [old_key]

    moved = reseal(sealed)

    assert unseal(sealed) == "lisa@example.net"
    settings.SECRET_KEY_FALLBACKS = []
    assert unseal(sealed) == ""
    assert unseal(moved) == "lisa@example.net"


@pytest.mark.parametrize("value", ["", None])
def test_nothing_sealed_is_nothing(value):
    assert seal(value or "") == "" and unseal(value or "") == ""
