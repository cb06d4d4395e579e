// Reports: a report's page (its type, period and numbered contents) and the list of reports by type; its key.
#include "markdown/document.h"
#include "templates/view_model.h"
#include "templates/view_models/shared.h"
#include "templates/words.h"

namespace herald {
using namespace view_models;

void ViewModel::report_data(const Page& p, TemplateData& pg) const {
  const ReportInfo& report = *p.report;
  put(pg, "report_type", opt(tr(lib_.config.report_type_name(report.report_type))));
  put(pg, "period", opt(report.period));
  put(pg, "numbered", data(report.numbered));
  // A report always has its contents: every `##` and `###`.
  put(pg, "show_toc", data(p.doc && !p.doc->headings().empty()));
}

TemplateData ViewModel::reports() const {
  data d = base("/reports/", tr("Reports"));
  std::string root = root_from("/reports/");
  auto it = lib_.section_intros.find("reports");
  if (it != lib_.section_intros.end() && it->second->doc) put(d, "intro", opt(it->second->doc->html()));
  // By type, in the order of the types (the built-in ones, then the site's
  // own); newest first within each, as lib_.reports is.
  list types;
  for (const auto& [key, name] : lib_.config.report_types) {
    list items;
    for (const Page* p : lib_.reports)
      if (p->report && p->report->report_type == key) items.push_back(card(*p, root));
    if (items.empty()) continue;
    data type;
    put(type, "key", key);
    put(type, "name", tr(name));
    put(type, "items", std::move(items));
    types.push_back(std::move(type));
  }
  put(d, "types", std::move(types));
  put(d, "empty", data(lib_.reports.empty()));
  return d;
}

Hash128 ViewModel::reports_key() const {
  KeyInput in = list_key_input("reports-key 1", "reports");
  for (const Page* p : lib_.reports) in.key(card_key(*p));
  return in.hash();
}

}  // namespace herald
