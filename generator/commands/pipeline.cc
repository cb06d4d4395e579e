// The build: Load -> Parse -> Assemble -> Render -> Write, each stage timed (generator/pipeline/).
#include "commands/pipeline.h"

#include <chrono>
#include <cstdio>

#include "pipeline/build_context.h"

namespace herald {
namespace {

using Clock = std::chrono::steady_clock;

class Stopwatch {
 public:
  explicit Stopwatch(std::vector<StageTiming>& timings) : timings_(timings) {}
  void lap(const std::string& name) {
    auto now = Clock::now();
    timings_.push_back({name, std::chrono::duration<double, std::milli>(now - start_).count()});
    start_ = now;
  }

 private:
  std::vector<StageTiming>& timings_;
  Clock::time_point start_ = Clock::now();
};

}  // namespace

void print_diagnostics(const Diagnostics& diags, FILE* err) {
  std::fputs(diags.format_all().c_str(), err);
  size_t errors = diags.count(Severity::error), warnings = diags.count(Severity::warning);
  if (errors || warnings)
    std::fprintf(err, "%zu error%s, %zu warning%s\n", errors, errors == 1 ? "" : "s", warnings,
                 warnings == 1 ? "" : "s");
}

int exit_code(const BuildResult& result, const Diagnostics& diags) {
  if (result.status == BuildResult::Status::unusable) return 2;
  if (diags.has_errors()) return 1;
  return 0;
}

BuildResult run_pipeline(const BuildOptions& options, Diagnostics& diags) {
  BuildResult result;
  diags.set_strict(options.strict);
  {
    // Every problem is reported before anything is written; a stage that
    // cannot go on says why in the result. The context's threads are joined
    // when it goes, before the result is returned.
    BuildContext ctx(options, diags, result);
    Stopwatch watch(result.timings);
    const std::pair<const char*, bool (*)(BuildContext&)> stages[] = {
        {"load", load_stage},       {"parse", parse_stage}, {"assemble", assemble_stage},
        {"render", render_stage},   {"write", write_stage}};
    for (const auto& [name, stage] : stages) {
      if (!stage(ctx)) break;
      watch.lap(name);
    }
  }
  return result;
}

}  // namespace herald
