// Shape features of one line of text, used by the boilerplate scorer and the header detector.
#pragma once

#include <cstddef>
#include <string_view>

namespace linimasa::clean {

struct LineFeatures {
  size_t words = 0;            // whitespace-separated tokens
  size_t letters = 0;          // ASCII letters
  size_t upper = 0;            // ASCII upper-case letters
  size_t capitalised = 0;      // words opening with an upper-case ASCII letter or a digit
  bool ends_sentence = false;  // ends with . ? ! or a closing quote after one
  float upper_ratio() const {
    return letters ? static_cast<float>(upper) / static_cast<float>(letters) : 0.f;
  }
  // Looks like running prose: long enough and ends like a sentence.
  bool prose() const { return (words >= 12 && ends_sentence) || words >= 25; }
  // Looks like a headline (a link to another article): a few words, mostly capitalised, no final
  // stop — "Harga Minyak Anjlok, Ini Penyebabnya".
  bool headline() const {
    return !ends_sentence && words >= 3 && words <= 20 && capitalised * 5 >= words * 3;
  }
};

LineFeatures ComputeLineFeatures(std::string_view line);

}  // namespace linimasa::clean
