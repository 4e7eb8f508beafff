/** RFC 9457 problem details: every REST error is {@code application/problem+json}. */
package dev.herald.problems;
