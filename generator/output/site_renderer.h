// Render stage: every HTML page, vCard, asset and static file of the site.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "content/library.h"
#include "core/diagnostic.h"
#include "output/output_set.h"
#include "templates/renderer.h"
#include "templates/theme.h"

namespace herald {

/// A named piece of render work; the pieces run in parallel.
struct RenderTask {
  std::string name;
  std::function<void()> run;
};

/// Renders the HTML pages, redirects, vCards, theme assets and static files.
/// Other outputs (feeds, PDFs, calendars) add their own tasks to `tasks`.
void add_html_tasks(const Library& library, const Renderer& renderer, const Theme& theme,
                    OutputSet& out, Diagnostics& diags, std::vector<RenderTask>& tasks);

/// Runs every task over the worker threads.
void run_tasks(const std::vector<RenderTask>& tasks);

/// The template a content page of `kind` is rendered with.
const char* template_for(Kind kind);

}  // namespace herald
