// A chart as an inline SVG: its title and description, shapes told apart by pattern as well as colour.
#pragma once

#include <string>

#include "markdown/chart.h"

namespace herald {

/// The chart as an `<svg role="img">` for an HTML page: a `<title>`, a
/// `<desc>` (chart_description), a viewBox that scales to the width of its
/// container, colours as classes of the theme's stylesheet (with the
/// default colours as presentation attributes, for pages without it) and
/// text in `currentColor`, so dark mode applies. `id` is unique in the page
/// (`herald-chart-1`): it prefixes the ids inside.
std::string chart_svg(const Chart& chart, const std::string& id);

}  // namespace herald
