def assert_ok(payload):
    assert payload["ok"] is True
