// A newsletter's email edition as template data: the frame around the body output/email/ makes.
#include "markdown/document.h"
#include "markdown/urls.h"
#include "templates/view_model.h"
#include "templates/view_models/shared.h"
#include "templates/words.h"

namespace herald {
using namespace view_models;

TemplateData ViewModel::email(const Page& p, const EmailParts& parts) const {
  const Config& c = lib_.config;
  data d;
  put(d, "lang", c.language);
  data site;
  put(site, "title", c.title);
  put(site, "url", c.base_url);
  put(d, "site", std::move(site));
  put(d, "brand", c.brand_colour);
  data style;
  for (const auto& [name, value] : parts.styles) put(style, name, value);
  put(d, "style", std::move(style));
  if (!parts.logo_url.empty()) {
    data logo;
    put(logo, "url", parts.logo_url);
    put(logo, "width", std::to_string(parts.logo_width));
    put(logo, "height", std::to_string(parts.logo_height));
    put(d, "logo", std::move(logo));
  } else {
    put(d, "logo", data(false));
  }

  data pg;
  put(pg, "title", p.title);
  put(pg, "title_rule", std::string(utf8_length(p.title), '='));
  put(pg, "series", p.series.empty() ? c.title : p.series);
  put(pg, "issue", p.issue ? data(std::to_string(*p.issue)) : data(false));
  put(pg, "date", date_data(p.date));
  put(pg, "url", c.absolute_url(p.url));
  put(pg, "pdf_url", p.pdf ? data(c.absolute_url(p.url + p.slug + ".pdf")) : data(false));
  put(d, "page", std::move(pg));
  put(d, "words", words_data());
  // The preview a mail program shows beside the subject.
  put(d, "preheader", opt(p.summary));

  // "In this issue": the articles, each linking to its place on the web page
  // (many mail programs drop the ids a link inside a message would need).
  list toc;
  if (p.doc)
    for (const Heading& h : p.doc->headings()) {
      if (h.level != 2) continue;
      data item;
      put(item, "text", h.text);
      put(item, "url", c.absolute_url(p.url) + "#" + h.anchor);
      toc.push_back(std::move(item));
    }
  put(d, "has_toc", data(!toc.empty()));
  put(d, "toc", std::move(toc));

  put(d, "body_html", parts.html);
  put(d, "body_text", parts.text);
  data unsubscribe;
  put(unsubscribe, "url", c.email.unsubscribe);
  put(unsubscribe, "is_tag", data(c.email.unsubscribe_is_tag));
  put(d, "unsubscribe", std::move(unsubscribe));
  put(d, "reply_to", opt(c.email.reply_to.address));
  return d;
}

}  // namespace herald
