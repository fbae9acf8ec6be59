import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { GqlStatus } from './gql-status.js';
import {
  ALL_NOTIFICATION_CODES,
  NotificationCode,
  type NotificationDefinition,
} from './notification-code.js';
import { classificationOf } from './status.js';

describe('the NotificationCode registry', () => {
  test('every code is a four-part ClientNotification code named after its key', () => {
    for (const [name, notification] of Object.entries(NotificationCode)) {
      const parts = notification.code.split('.');
      assert.equal(parts.length, 4, notification.code);
      assert.equal(classificationOf(notification.code), 'ClientNotification');
      assert.equal(parts[3], name, `${notification.code} is registered as ${name}`);
    }
  });

  test('no two notifications share a code, and every one has a title', () => {
    const codes = ALL_NOTIFICATION_CODES.map((notification) => notification.code);
    assert.equal(new Set(codes).size, codes.length);
    for (const notification of ALL_NOTIFICATION_CODES)
      assert.notEqual(notification.title, '', notification.code);
  });

  test('severity and category agree with the GQLSTATUS', () => {
    for (const notification of ALL_NOTIFICATION_CODES) {
      assert.equal(notification.severity, notification.gql.code.startsWith('01') ? 'WARNING' : 'INFORMATION');
      assert.equal(notification.category, notification.gql.classification, notification.code);
      assert.equal(GqlStatus[notification.gql.code as keyof typeof GqlStatus], notification.gql);
    }
  });

  test('the usual warnings have the severity, category and GQLSTATUS Neo4j documents', () => {
    const expected: [NotificationDefinition, string, string, string][] = [
      [NotificationCode.CartesianProduct, '03N90', 'INFORMATION', 'PERFORMANCE'],
      [NotificationCode.UnknownLabelWarning, '01N50', 'WARNING', 'UNRECOGNIZED'],
      [NotificationCode.UnknownRelationshipTypeWarning, '01N51', 'WARNING', 'UNRECOGNIZED'],
      [NotificationCode.UnknownPropertyKeyWarning, '01N52', 'WARNING', 'UNRECOGNIZED'],
      [NotificationCode.ParameterNotProvided, '01N60', 'WARNING', 'GENERIC'],
      [NotificationCode.FeatureDeprecationWarning, '01N00', 'WARNING', 'DEPRECATION'],
      [NotificationCode.HintedIndexNotFound, '01N31', 'WARNING', 'HINT'],
      [NotificationCode.SubqueryVariableShadowing, '03N60', 'INFORMATION', 'GENERIC'],
    ];
    for (const [notification, gqlStatus, severity, category] of expected) {
      assert.deepEqual(
        [notification.gql.code, notification.severity, notification.category],
        [gqlStatus, severity, category],
        notification.code,
      );
    }
  });

  test('every entry is frozen', () => {
    for (const notification of ALL_NOTIFICATION_CODES) assert.ok(Object.isFrozen(notification));
  });
});
