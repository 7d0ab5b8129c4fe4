"""Experimental lab UI for trying embedding pipelines (abandoned prototype)."""
import json


def render(state):
    return json.dumps(state)
