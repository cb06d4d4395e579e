// Thread-local caches of compiled mustache templates.
#include "templates/renderer.h"

#include <algorithm>
#include <atomic>
#include <map>
#include <memory>

#include "core/text.h"
#include "templates/template_data.h"

namespace herald {
namespace {

std::atomic<unsigned> next_generation{1};

struct Cache {
  unsigned generation = 0;
  /// Each template compiled, and the longest page it has made: the next is
  /// given that much room at once, not grown (and copied) as it is written.
  struct Compiled {
    std::unique_ptr<kainjow::mustache::mustache> text;
    size_t longest = 0;
  };
  std::map<std::string, Compiled> compiled;
};

thread_local Cache cache;

/// `text` with each `{{> name}}` replaced by the partial's own text, nested
/// partials too, so that a partial is compiled once with the template that
/// uses it instead of being parsed again each time it is rendered (kainjow
/// parses a partial on every use: a list of 500 cards parsed the card 500
/// times). kainjow indents nothing, so the output is the same. A partial that
/// includes itself stays a tag below a few levels and is rendered the slow way.
std::string inline_partials(const std::string& text,
                            const std::vector<std::pair<std::string, const std::string*>>& partials, int depth) {
  if (depth > 8 || text.find("{{>") == std::string::npos) return text;
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  while (true) {
    size_t open = text.find("{{>", pos);
    if (open == std::string::npos) break;
    size_t close = text.find("}}", open + 3);
    if (close == std::string::npos) break;
    std::string name(trim(std::string_view(text).substr(open + 3, close - open - 3)));
    auto found = std::find_if(partials.begin(), partials.end(), [&](const auto& p) { return p.first == name; });
    out.append(text, pos, open - pos);
    if (found == partials.end()) {
      out.append(text, open, close + 2 - open);  // left for kainjow: renders nothing, as before
    } else {
      out += inline_partials(*found->second, partials, depth + 1);
    }
    pos = close + 2;
  }
  out.append(text, pos, std::string::npos);
  return out;
}

/// kainjow's own context, with a dotted name ({{page.title}}) split in place:
/// kainjow splits it through a stringstream, its locale looked up again at
/// every tag. Same lookups, same order: the innermost section first.
class Context : public kainjow::mustache::basic_context<std::string> {
 public:
  explicit Context(const TemplateData* data) { push(data); }
  void push(const TemplateData* data) override { items_.push_back(data); }
  void pop() override { items_.pop_back(); }

  const TemplateData* get(const std::string& name) const override {
    if (name == ".") return items_.back();
    size_t dot = name.find('.');
    for (auto item = items_.rbegin(); item != items_.rend(); ++item) {
      if (dot == std::string::npos) {
        if (const TemplateData* var = (*item)->get(name)) return var;
        continue;
      }
      // As std::getline splits at '.': no last, empty part after a final dot.
      const TemplateData* var = *item;
      for (size_t start = 0; var && start < name.size();) {
        size_t end = std::min(name.find('.', start), name.size());
        var = var->get(name.substr(start, end - start));
        start = end + 1;
      }
      if (var) return var;
    }
    return nullptr;
  }

  const TemplateData* get_partial(const std::string& name) const override {
    for (auto item = items_.rbegin(); item != items_.rend(); ++item)
      if (const TemplateData* var = (*item)->get(name)) return var;
    return nullptr;
  }

 private:
  std::vector<const TemplateData*> items_;  ///< outermost first
};

/// What kainjow's render writes to: appends to the page's string.
struct Appender {
  std::string& out;
  Appender& operator<<(const std::string& text) {
    out += text;
    return *this;
  }
};

}  // namespace

std::string escape_for_template(const std::string& text) {
  std::string out;
  out.reserve(text.size() + 16);
  size_t plain = 0;  // start of the text not yet copied
  for (size_t i = 0; i < text.size(); ++i) {
    const char* entity;
    switch (text[i]) {
      case '&': entity = "&amp;"; break;
      case '<': entity = "&lt;"; break;
      case '>': entity = "&gt;"; break;
      case '"': entity = "&quot;"; break;
      case '\'': entity = "&apos;"; break;
      default: continue;
    }
    out.append(text, plain, i - plain).append(entity);
    plain = i + 1;
  }
  return out.append(text, plain);
}

Renderer::Renderer(const Theme& theme, Diagnostics& diags)
    : theme_(theme), diags_(diags), generation_(next_generation++) {
  for (const auto& [path, text] : theme_.files_under("templates/partials/")) {
    if (!ends_with(path, ".mustache")) continue;
    std::string name = path.substr(std::string("templates/partials/").size());
    partials_.emplace_back(name.substr(0, name.size() - 9), text);
  }
  for (const auto& name : {"layout"}) {
    if (!theme_.template_text(name))
      diags_.error({"themes/default/templates/layout.mustache", 0, 0}, "the theme has no layout template");
  }
}

std::string Renderer::render(const std::string& name, const TemplateData& data) const {
  if (cache.generation != generation_) {
    cache.compiled.clear();
    cache.generation = generation_;
  }
  auto it = cache.compiled.find(name);
  if (it == cache.compiled.end()) {
    const std::string* text = theme_.template_text(name);
    std::string path = "templates/" + name + ".mustache";
    if (!text) {
      diags_.error({theme_.origin(path).empty() ? path : theme_.origin(path), 0, 0},
                   "the theme has no template '" + name + "'");
      return "";
    }
    auto compiled = std::make_unique<kainjow::mustache::mustache>(inline_partials(*text, partials_, 0));
    compiled->set_custom_escape(escape_for_template);
    if (!compiled->is_valid())
      diags_.error({theme_.origin(path), 0, 0}, "template error: " + compiled->error_message());
    it = cache.compiled.emplace(name, Cache::Compiled{std::move(compiled), 0}).first;
  }
  kainjow::mustache::mustache& tmpl = *it->second.text;
  // The per-thread copy of the template is rendered: kainjow's render is not const.
  // Appended straight to the string: kainjow's own render(data) goes through
  // an ostringstream (its locale lookups, then a copy of the whole page).
  std::string out;
  out.reserve(it->second.longest + it->second.longest / 4);
  if (tmpl.is_valid()) {
    Context context(&data);
    Appender appender{out};
    tmpl.render(context, appender);
  }
  if (!tmpl.is_valid())
    diags_.error({theme_.origin("templates/" + name + ".mustache"), 0, 0},
                 "template error: " + tmpl.error_message());
  it->second.longest = std::max(it->second.longest, out.size());
  return out;
}

std::string Renderer::render_page(const std::string& name, TemplateData data) const {
  // Partials ({{> card}}) come from templates/partials/ of the theme.
  for (const auto& [partial_name, text] : partials_) {
    const std::string* body = text;
    data.set(partial_name, kainjow::mustache::partial([body] { return *body; }));
  }
  // Set without a second copy of the page's HTML (kainjow's set copies).
  put(data, "content", TemplateData(render(name, data)));
  return render("layout", data);
}

}  // namespace herald
