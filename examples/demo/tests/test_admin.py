from sidecar.admin import health

from tests.helpers import assert_ok


def test_health():
    assert_ok(health())
