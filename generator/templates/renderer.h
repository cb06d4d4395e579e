// Mustache rendering (kainjow) with templates compiled once per thread.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <kainjow/mustache.hpp>

#include "core/diagnostic.h"
#include "templates/theme.h"

namespace herald {

using TemplateData = kainjow::mustache::data;

/// `{{value}}` as kainjow escapes it (& < > " ' as &amp; &lt; &gt; &quot;
/// &apos;), copying the plain text between them in runs, not a character at
/// a time.
std::string escape_for_template(const std::string& text);

class Renderer {
 public:
  /// Checks that every template compiles; reports problems against the
  /// template's file.
  Renderer(const Theme& theme, Diagnostics& diags);

  /// Renders template `name` with `data`. Safe to call from many threads.
  std::string render(const std::string& name, const TemplateData& data) const;

  /// Renders `name` and places it in the `layout` template as {{{content}}}.
  std::string render_page(const std::string& name, TemplateData data) const;

  bool has(const std::string& name) const { return theme_.template_text(name) != nullptr; }

 private:
  const Theme& theme_;
  Diagnostics& diags_;
  unsigned generation_;
  std::vector<std::pair<std::string, const std::string*>> partials_;
};

}  // namespace herald
