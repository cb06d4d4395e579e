// What the preview server adds to the site's HTML: the reload script, its stylesheet and the error overlay.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "serve/preview_state.h"

namespace herald {

/// Where the preview's own files live; no site file is ever served below it.
inline constexpr std::string_view kPreviewPrefix = "/__herald/";
inline constexpr std::string_view kReloadScriptPath = "/__herald/reload.js";
inline constexpr std::string_view kPreviewStylePath = "/__herald/preview.css";
inline constexpr std::string_view kEventsPath = "/__herald/events";
inline constexpr std::string_view kStatusPath = "/__herald/status";
/// A refused event stream (too many open pages) is tried again this many
/// seconds later, by the reload script and as the 503's Retry-After says.
inline constexpr int kEventsRetrySeconds = 3;

/// The script that listens on the event stream and reloads the page. It is a
/// same-origin file, as the theme's Content-Security-Policy allows only those.
std::string_view reload_script();
/// The overlay's stylesheet (the policy allows no inline style either).
std::string_view preview_style();

/// `html` with the preview's stylesheet and script linked before `</head>`
/// (the script told which `generation` the page belongs to, so a rebuild
/// finished before it connects still reloads it) and, when there are
/// problems, the error overlay right after `<body>`.
std::string inject_preview(std::string_view html, uint64_t generation,
                           const std::vector<PreviewProblem>& problems);

/// The overlay listing every problem with its file, line and source excerpt.
std::string error_overlay(const std::vector<PreviewProblem>& problems);

/// A whole page for when no build has succeeded yet: only the overlay.
std::string no_build_page(uint64_t generation, const std::vector<PreviewProblem>& problems);

/// `/__herald/status`: {"generation":N,"ok":true|false,"errors":[{"where":…,"message":…}]}.
std::string status_json(uint64_t generation, bool has_site, const std::vector<PreviewProblem>& problems);

}  // namespace herald
