// Registers the stages linimasa ships with. Each stage lives in src/<stage>/.
#include "clean/clean_stage.h"
#include "entities/entity_stage.h"
#include "events/event_stage.h"
#include "linimasa/pipeline.h"
#include "syntax/syntax_stage.h"
#include "text/text_stage.h"
#include "time/time_stage.h"

namespace linimasa {

void RegisterBuiltinStages() {
  RegisterStage("clean", &clean::CleanStage::Create);
  RegisterStage("text", &text::TextStage::Create);
  RegisterStage("syntax", &syntax::SyntaxStage::Create);
  RegisterStage("time", &timex::TimeStage::Create);
  RegisterStage("entities", &entities::EntityStage::Create);
  RegisterStage("quotes", &events::QuoteStage::Create);
  RegisterStage("events", &events::EventStage::Create);
}

}  // namespace linimasa
