#include "linimasa/status.h"

namespace linimasa {

std::string Status::ToString() const {
  const char* name = "OK";
  switch (code_) {
    case Code::kOk: return "OK";
    case Code::kInvalidArgument: name = "invalid argument"; break;
    case Code::kNotFound: name = "not found"; break;
    case Code::kIOError: name = "I/O error"; break;
    case Code::kCorruption: name = "corrupt input"; break;
    case Code::kUnsupported: name = "unsupported"; break;
    case Code::kInternal: name = "internal error (please report)"; break;
  }
  return std::string(name) + ": " + message_;
}

}  // namespace linimasa
