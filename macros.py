"""mkdocs-macros entry point. It only registers functions; the logic lives in the atlas package."""

from atlas.site.macros import build


def define_env(env):
    for name, function in build(env).items():
        env.macro(function, name)
