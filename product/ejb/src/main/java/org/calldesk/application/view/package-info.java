/**
 * Read models: immutable snapshots of the domain's entities that the application's services
 * return, so that views, REST and the JSON mapping never hold a managed entity.
 */
package org.calldesk.application.view;
