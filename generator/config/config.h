// herald.yaml: the site's configuration.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "config/email.h"
#include "config/languages.h"
#include "config/menu.h"
#include "core/datetime.h"
#include "core/diagnostic.h"

namespace herald {

struct Config {
  std::string title;
  std::string base_url = "/";  ///< always ends with '/'
  std::string language = "en-GB";
  /// `languages:` (config/languages.h): every language the site publishes
  /// in, the default (at /) first; empty for a site in `language` alone.
  /// With it, `language` is the default's tag.
  std::vector<SiteLanguage> languages;
  /// The folder of this configuration's language ("" at /, "cy/"): set on
  /// the copy each language's pages are built with (content/languages.h).
  std::string language_folder;
  std::string timezone_name = "Europe/London";
  std::string description;
  std::string logo;  ///< repository path, e.g. static/logo.svg
  SourceLocation logo_at{"herald.yaml", 0, 0};  ///< where `logo` is written (checked in Assemble)
  std::string theme = "default";
  SourceLocation theme_at{"herald.yaml", 0, 0};  ///< where `theme` is written
  std::string brand_colour = "#1d5b79";
  /// `herald:`, the version that publishes the site ("0.2", or one release
  /// "0.2.1"); empty when not given. Another version warns (see parse_config).
  std::string herald_version;
  std::string accessibility_email;
  std::optional<DateTime> accessibility_reviewed;
  /// Content known not to meet WCAG 2.2 AA, listed in the statement.
  std::vector<std::string> accessibility_known_issues;
  int feed_items = 20;
  bool feed_full_content = true;
  std::string release_tags = "procedures-*";
  /// Built-in review types plus the site's own, in display order.
  std::vector<std::pair<std::string, std::string>> review_types;
  /// Built-in report types plus the site's own (`reports: { report_types: … }`), in display order.
  std::vector<std::pair<std::string, std::string>> report_types;
  /// `menu:`, as written; each menu not given keeps its default (content/menus.h).
  MenuSettings menu;
  /// `email:`: the newsletter's email edition (config/email.h); not `given`, none.
  EmailSettings email;

  TimeZone zone() const { return TimeZone(timezone_name); }
  /// The base URL's path part ("/" or "/site/"), for links inside the site.
  std::string base_path() const;
  /// Absolute URL of a site path such as "/briefings/".
  std::string absolute_url(const std::string& site_path) const;
  /// The host of base_url ("safeguarding.northbrook.example"), for tag URIs and UIDs.
  std::string host() const;
  /// Display name of a review type, or empty if unknown.
  std::string review_type_name(const std::string& key) const;
  /// Display name of a report type, or empty if unknown.
  std::string report_type_name(const std::string& key) const;
};

/// The built-in review types of the contract.
const std::vector<std::pair<std::string, std::string>>& builtin_review_types();

/// The built-in report types of the contract (§10).
const std::vector<std::pair<std::string, std::string>>& builtin_report_types();

/// Parses herald.yaml. Problems are reported against `path`; returns nullopt
/// when the configuration cannot be used.
std::optional<Config> parse_config(std::string_view text, const std::string& path,
                                   Diagnostics& diags);

/// WCAG contrast ratio of two sRGB colours given as #rrggbb.
std::optional<double> contrast_ratio(const std::string& a, const std::string& b);

}  // namespace herald
