// Outputs beside the HTML pages: feeds, calendar, sitemap, robots, embeds, PDFs, email editions.
#pragma once

#include <vector>

#include "content/library.h"
#include "core/diagnostic.h"
#include "output/output_set.h"
#include "output/site_renderer.h"
#include "templates/renderer.h"

namespace herald {

/// Adds the render tasks of every non-HTML output format.
void add_extra_tasks(const Library& library, const Renderer& renderer, OutputSet& out,
                     Diagnostics& diags, std::vector<RenderTask>& tasks);

}  // namespace herald
