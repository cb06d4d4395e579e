// Thread-local caches of compiled mustache templates.
#include "templates/renderer.h"

#include <atomic>
#include <map>
#include <memory>

#include "core/text.h"

namespace herald {
namespace {

std::atomic<unsigned> next_generation{1};

struct Cache {
  unsigned generation = 0;
  std::map<std::string, std::unique_ptr<kainjow::mustache::mustache>> compiled;
};

thread_local Cache cache;

}  // namespace

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
    auto compiled = std::make_unique<kainjow::mustache::mustache>(*text);
    if (!compiled->is_valid())
      diags_.error({theme_.origin(path), 0, 0}, "template error: " + compiled->error_message());
    it = cache.compiled.emplace(name, std::move(compiled)).first;
  }
  // The per-thread copy of the template is rendered: kainjow's render is not const.
  std::string out = it->second->render(data);
  if (!it->second->is_valid())
    diags_.error({theme_.origin("templates/" + name + ".mustache"), 0, 0},
                 "template error: " + it->second->error_message());
  return out;
}

std::string Renderer::render_page(const std::string& name, TemplateData data) const {
  // Partials ({{> card}}) come from templates/partials/ of the theme.
  for (const auto& [partial_name, text] : partials_) {
    const std::string* body = text;
    data.set(partial_name, kainjow::mustache::partial([body] { return *body; }));
  }
  std::string content = render(name, data);
  data.set("content", content);
  return render("layout", data);
}

}  // namespace herald
