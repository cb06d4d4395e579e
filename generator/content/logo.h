// The site's logo (herald.yaml's `logo`): the file it names, its format, and the checks of both.
#pragma once

#include <string_view>
#include <vector>

#include "content/library.h"
#include "core/diagnostic.h"

namespace herald {

/// What an image file is, from its first bytes.
enum class ImageFormat { png, jpeg, svg, other };

/// PNG and JPEG by their signatures; SVG by an <svg element before anything
/// but an XML declaration, comments, a doctype and spaces.
ImageFormat sniff_image(std::string_view bytes);

/// The file of the site that herald.yaml's `logo` names (static/logo.svg, or
/// its published path logo.svg), or null when there is none.
const StaticFile* find_logo(const Library& library);

/// Checks herald.yaml's `logo`, at its line: an error when it is not a
/// published file of static/ in this commit (`files`), a warning when it is
/// not a PNG, JPEG or SVG image (which the print PDFs cannot show).
void check_logo(const Library& library, const std::vector<SourceFile>& files, Diagnostics& diags);

}  // namespace herald
