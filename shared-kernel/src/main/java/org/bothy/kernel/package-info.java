/** The consortium's published language: contracts, codes, topics, CloudEvents mapping, privacy, webhook signing. No framework. */
package org.bothy.kernel;
