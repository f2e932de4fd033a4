#include "linimasa/pipeline.h"

#include <algorithm>
#include <mutex>
#include <set>

namespace linimasa {
namespace {

std::map<std::string, StageFactory>& Registry() {
  static std::map<std::string, StageFactory> r;
  return r;
}

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

}  // namespace

void RegisterBuiltinStages();  // src/core/builtin_stages.cc

void RegisterStage(const std::string& name, StageFactory factory) {
  Registry()[name] = std::move(factory);
}

static void EnsureBuiltins() {
  static std::once_flag once;
  std::call_once(once, [] { RegisterBuiltinStages(); });
}

std::vector<std::string> RegisteredStages() {
  EnsureBuiltins();
  std::vector<std::string> names;
  for (const auto& [n, f] : Registry()) names.push_back(n);
  return names;
}

std::vector<std::string> DefaultStages() {
  return {"clean", "text", "syntax", "time", "entities", "quotes", "events"};
}

Result<std::unique_ptr<Pipeline>> Pipeline::Create(const std::vector<std::string>& stages,
                                                   const PipelineOptions& options) {
  EnsureBuiltins();
  auto p = std::unique_ptr<Pipeline>(new Pipeline());
  std::string data_dir = options.data_dir.empty() ? DataDir() : options.data_dir;
  std::set<std::string> assigned(options.given_layers.begin(), options.given_layers.end());
  std::map<std::string, std::string> assigned_by;
  for (const auto& name : stages) {
    auto it = Registry().find(name);
    if (it == Registry().end()) {
      return Status::InvalidArgument("unknown stage '" + name +
                                     "'; available stages: " + Join(RegisteredStages()));
    }
    StageContext ctx;
    ctx.data_dir = data_dir;
    const std::string prefix = name + ".";
    for (const auto& [k, v] : options.stage_options)
      if (k.rfind(prefix, 0) == 0) ctx.options[k.substr(prefix.size())] = v;
    auto stage = it->second(ctx);
    if (!stage.ok()) return stage.status();
    for (const auto& layer : (*stage)->requires_layers()) {
      if (!assigned.count(layer)) {
        return Status::InvalidArgument("stage '" + name + "' requires layer '" + layer +
                                       "', which no earlier stage assigns; put a stage that "
                                       "assigns it before '" +
                                       name + "'");
      }
    }
    for (const auto& layer : (*stage)->assigns_layers()) {
      assigned.insert(layer);
      assigned_by[layer] = name;
    }
    p->stages_.push_back(std::move(stage).value());
  }
  // Captions are read by the stages after the one that removes them, when one of those extracts
  // events and none needs the raw input.
  for (size_t k = 0; k < p->stages_.size(); ++k) {
    const auto assigns = p->stages_[k]->assigns_layers();
    if (std::find(assigns.begin(), assigns.end(), "removed") == assigns.end()) continue;
    bool events = false, raw = false;
    for (size_t m = k + 1; m < p->stages_.size(); ++m) {
      for (const auto& l : p->stages_[m]->assigns_layers()) events |= l == "events";
      for (const auto& l : p->stages_[m]->requires_layers()) raw |= l == "raw";
    }
    if (events && !raw) p->caption_from_ = k + 1;
  }
  return p;
}

Status Pipeline::Run(Document& doc) const {
  for (const auto& s : stages_) {
    Status st = s->Process(doc);
    if (!st.ok()) return st;
  }
  return caption_from_ ? RunOnCaptions(doc) : Status::Ok();
}

Status Pipeline::RunOnCaptions(Document& doc) const {
  std::vector<Event> found;
  std::set<std::string_view> seen;  // a caption shown twice is read once
  for (size_t r = 0; doc.removed && r < doc.removed->size(); ++r) {
    const Removed& rm = (*doc.removed)[r];
    if (rm.kind != "caption" || rm.span.end > doc.raw.size()) continue;
    const std::string_view line = std::string_view(doc.raw).substr(rm.span.start, rm.span.size());
    if (!seen.insert(line).second) continue;
    Document c;
    c.id = doc.id;
    c.text = std::string(line);
    c.meta = doc.meta;
    // The stages fail only on missing layers, which the article's run has already ruled out; a
    // caption they cannot read still leaves the article whole.
    bool ok = true;
    for (size_t k = caption_from_; k < stages_.size() && ok; ++k) ok = stages_[k]->Process(c).ok();
    if (!ok || !c.events) continue;
    for (Event& e : *c.events) {
      e.trigger = {e.trigger.start + rm.span.start, e.trigger.end + rm.span.start};
      e.sentence = static_cast<uint32_t>(r);
      found.push_back(std::move(e));
    }
  }
  doc.caption_events = std::move(found);
  return Status::Ok();
}

}  // namespace linimasa
