#!/usr/bin/env bash
# placeholder until the sanitizer run lands
exit 0
