/**
 * The services of the contact center: the numbers customers dial to reach one, the sending
 * numbers its agents dial out with, and its settings for alerts and Disconnect.
 */
package org.calldesk.domain.model.service;
