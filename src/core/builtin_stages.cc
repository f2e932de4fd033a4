// Registers the stages linimasa ships with. Each stage lives in src/<stage>/.
#include "clean/clean_stage.h"
#include "linimasa/pipeline.h"

namespace linimasa {

void RegisterBuiltinStages() { RegisterStage("clean", &clean::CleanStage::Create); }

}  // namespace linimasa
