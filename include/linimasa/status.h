// linimasa/status.h — errors as values.
//
// Every fallible call in the public API returns a Status (or a Result<T>, a Status plus a value).
// No exception crosses the public API. A Status message names the input (file, line/record, field)
// and says what the user can do about it, e.g.
//   "seeds/x.jsonl line 12: malformed JSON (unexpected '}' at column 40); fix or remove the line".
//
// Thread-safety: Status and Result are values; const methods need no lock.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace linimasa {

class Status {
 public:
  enum class Code {
    kOk = 0,
    kInvalidArgument,  // bad user input (flag, file content)
    kNotFound,         // a file or resource that does not exist
    kIOError,          // reading or writing failed
    kCorruption,       // input that is truncated or damaged (gzip, WARC)
    kUnsupported,      // a format or feature linimasa does not handle
    kInternal,         // a bug in linimasa: please report it
  };

  Status() = default;
  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string msg) { return {Code::kInvalidArgument, std::move(msg)}; }
  static Status NotFound(std::string msg) { return {Code::kNotFound, std::move(msg)}; }
  static Status IOError(std::string msg) { return {Code::kIOError, std::move(msg)}; }
  static Status Corruption(std::string msg) { return {Code::kCorruption, std::move(msg)}; }
  static Status Unsupported(std::string msg) { return {Code::kUnsupported, std::move(msg)}; }
  static Status Internal(std::string msg) { return {Code::kInternal, std::move(msg)}; }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  // "invalid argument: <message>"; "OK" for success.
  std::string ToString() const;

 private:
  Status(Code c, std::string m) : code_(c), message_(std::move(m)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

// A value or the Status that explains why there is none.
template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit on purpose
  Result(Status status) : v_(std::move(status)) {}  // NOLINT: must not be Ok
  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() { return value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace linimasa
