"""What countries offers the layers below it: its demo step."""

from wagtail import hooks

from . import demo

hooks.register("build_demo_content", demo.build_step, order=400)
