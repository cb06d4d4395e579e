// What the view model's files share: putting values into template data, dates, and the parts of the keys.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "content/page.h"
#include "content/phone_number.h"
#include "core/datetime.h"
#include "templates/data_hash.h"
#include "templates/template_data.h"

namespace herald::view_models {

using kainjow::mustache::data;
using kainjow::mustache::list;

// More put()s beside those of templates/template_data.h: a list, and text.
using herald::put;
inline void put(data& d, const std::string& key, list&& items) { put(d, key, as_data(std::move(items))); }
inline void put(data& d, const std::string& key, const std::string& value) { put(d, key, data(value)); }
inline void put(data& d, const std::string& key, const char* value) { put(d, key, data(value)); }

/// Optional text: empty becomes false, because mustache treats an empty
/// string as true in a {{#section}}.
inline data opt(const std::string& s) { return s.empty() ? data(false) : data(s); }

/// A date as the templates show it (`human`, `iso`), or false.
data date_data(const std::optional<DateTime>& d);
/// A date of git (a commit's time) in the site's zone, or false for none.
data date_from_git(int64_t seconds, const TimeZone& zone);
std::string tel_href(const PhoneNumber& n);
/// What a reader calls each kind of page, in cards and search filters.
std::string kind_label(Kind kind);
/// The title a breadcrumb gives a folder of herald's own ("briefings" ->
/// "7-minute briefings"), or "" when it has none.
std::string section_title(const std::string& section);

/// What a date shows, for a key.
void add_date(KeyInput& in, const std::optional<DateTime>& d);
/// What ViewModel::card shows of a page (besides the site's settings), for a key.
void add_card(KeyInput& in, const Page& page);
/// The whole page as parsed and dated, for a key.
void add_page(KeyInput& in, const Page& p);

}  // namespace herald::view_models
