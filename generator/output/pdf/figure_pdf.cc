// Images in PDFs: Figure elements with their alt text, or a described placeholder when unusable.
#include <fmt/format.h>

#include <algorithm>

#include "output/pdf/image_data.h"
#include "output/pdf/markdown_pdf.h"
#include "output/pdf/pdf_links.h"
#include "templates/words.h"

namespace herald::pdf {

void MarkdownLayout::add_image(const std::string& url, const std::string& alt, int line,
                               const Region& region) {
  std::string problem;
  Image image;
  auto path = site_file_path(url, *source_.config, source_.page_url);
  if (!path) {
    problem = "is not a file of the site, so it cannot be printed";
  } else if (!source_.files || !source_.files->count(*path) || !source_.files->at(*path)) {
    problem = "is missing";
  } else {
    image = load_image(*source_.files->at(*path), &problem);
  }
  double space = take_space(paragraph_space());
  if (!image.surface) {
    warn(line, fmt::format("image '{}' {}: the PDF shows its description instead", url, problem));
    Box box;
    box.border = kRule;
    box.pad_top = box.pad_bottom = style_.size * 0.5;
    box.radius = 2;
    box.indent = region.indent;
    box.width = region.width;
    int id = flow_.add_box(box);
    Region inner{region.element, region.indent + style_.size * 0.7, region.width - style_.size * 1.4,
                 region.boxes};
    inner.boxes.push_back(id);
    TextStyle style = body_text();
    style.italic = true;
    style.colour = kMuted;
    int element = doc_.add_element(region.element, "P");
    add_text(RichText(alt.empty() ? tr("Image not available") : tr("Image not available") + ": " + alt), style, inner,
             element, space);
    return;
  }
  // 96 pixels to the inch, never enlarged, fitted to the frame.
  double width = image.width * 0.75, height = image.height * 0.75;
  double scale = std::min({1.0, region.width / width, style_.max_image_height / height});
  width *= scale;
  height *= scale;
  // An image without alt text is decoration: an artifact (the content check
  // has already warned the author).
  const int element = alt.empty() ? -1 : doc_.add_element(region.element, "Figure");
  Item item;
  item.height = height;
  item.space_before = space;
  item.indent = region.indent;
  item.boxes = region.boxes;
  item.draw = [image, element, alt, width, height](PdfDocument& d, double x, double y) {
    if (element >= 0) {
      d.enter(element);
      d.note_figure(alt);
    } else {
      d.leave_leaves();
    }
    cairo_t* cr = d.cr();
    cairo_save(cr);
    cairo_translate(cr, x, y);
    cairo_scale(cr, width / image.width, height / image.height);
    cairo_set_source_surface(cr, image.surface.get(), 0, 0);
    cairo_paint(cr);
    cairo_restore(cr);
  };
  add_item(std::move(item), style_.size);
}

}  // namespace herald::pdf
